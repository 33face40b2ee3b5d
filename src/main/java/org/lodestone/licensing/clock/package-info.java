/**
 * The statutory review clock: a working-day calendar (weekends, official public holidays and make-up working days from
 * {@code licensing/working-calendar.yaml}, plus configured extras) and the clock that counts the working days a case
 * has used out of its limit (45 by default, Art. 17 of the Regulations on Export Control of Dual-Use Items), paused
 * while information is requested. Pure domain: no Spring and no database in {@link
 * org.lodestone.licensing.clock.WorkingCalendar} and {@link org.lodestone.licensing.clock.StatutoryClock}; Spring
 * wiring lives in one configuration class.
 */
@NullMarked
package org.lodestone.licensing.clock;

import org.jspecify.annotations.NullMarked;
