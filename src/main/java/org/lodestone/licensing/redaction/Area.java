package org.lodestone.licensing.redaction;

/**
 * A rectangle to black out on one page: {@code page} counts from 1; {@code x}, {@code y}, {@code width} and
 * {@code height} are PDF points (1/72 inch) with the origin at the TOP-LEFT corner of the page as displayed (after the
 * page's rotation), x to the right and y downwards — how a reader points at a page on screen.
 */
public record Area(int page, double x, double y, double width, double height) {}
