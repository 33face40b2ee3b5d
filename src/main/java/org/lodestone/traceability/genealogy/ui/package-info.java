/** The genealogy page: a trace drawn as a layered SVG graph, re-rooted by clicking a node. */
@NullMarked
package org.lodestone.traceability.genealogy.ui;

import org.jspecify.annotations.NullMarked;
