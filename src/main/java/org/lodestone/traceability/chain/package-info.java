/**
 * The rare-earth chain on top of EPCIS: reporting enterprises, their sites and annual quotas, and the lots and product
 * classes moving between them with their type along the chain and their element content.
 */
@NullMarked
package org.lodestone.traceability.chain;

import org.jspecify.annotations.NullMarked;
