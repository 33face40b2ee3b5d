/**
 * Web pages of the control list: the licence-determination form with a readable result, and browsing the entries in
 * force on a date. Every authenticated user may use them; they work without JavaScript.
 */
@NullMarked
package org.lodestone.controllist.ui;

import org.jspecify.annotations.NullMarked;
