package org.lodestone.controllist;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the control list ({@code lodestone.controllist.*}).
 *
 * @param deMinimisPercent element content (mass %) at or below which an element does not count; 0 by default because
 *     the announcements in our sources set no threshold
 * @param seedOnStart whether an empty catalogue is seeded from {@code controllist/control-list.yaml} at start-up
 */
@ConfigurationProperties("lodestone.controllist")
record ControlListProperties(
        @DefaultValue("0") BigDecimal deMinimisPercent,
        @DefaultValue("true") boolean seedOnStart) {}
