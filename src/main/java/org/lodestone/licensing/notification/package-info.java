/**
 * Notifications of licensing events to applicants and authority staff: an in-app inbox row per recipient, written in
 * the caller's transaction, and — when SMTP is configured ({@code spring.mail.host}) — a plain-text e-mail queued in a
 * durable outbox in the same transaction and sent after commit, asynchronously, with retries and backoff, so mail never
 * blocks or fails the business transaction and a crash loses none. E-mails carry only the subject and a link; details
 * stay behind the login.
 */
@NullMarked
package org.lodestone.licensing.notification;

import org.jspecify.annotations.NullMarked;
