package org.lodestone.licensing.evidence;

/** Kinds of evidence an application can carry; each has its own allow-list of content types. */
public enum DocumentType {
    END_USER_CERTIFICATE,
    END_USE_STATEMENT,
    CUSTOMER_ORDER,
    PRODUCT_PHOTO,
    PRODUCTION_LINE_VIDEO,
    COMPANY_REGISTRATION,
    BUSINESS_HISTORY,
    OTHER
}
