package org.lodestone.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The whole application on an in-memory H2 with demo data, driven through MockMvc ({@code MockMvcTester}). Every test
 * class that uses only this annotation shares one cached Spring context, which keeps the suite fast: do not add
 * {@code @MockitoBean} or extra properties to such classes; write a separate context only when a test truly needs it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@AutoConfigureMockMvc
public @interface IntegrationTest {}
