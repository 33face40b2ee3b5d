/** SQL of the protection module: wrapped data keys ({@code pr_data_key}) and key rotations ({@code pr_key_rotation}). */
@NullMarked
package org.lodestone.protection.store;

import org.jspecify.annotations.NullMarked;
