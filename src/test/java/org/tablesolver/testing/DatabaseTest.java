package org.tablesolver.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test against a real PostgreSQL with the real migrations: the whole application on a random port,
 * profile {@code test} (embedded PostgreSQL 17 in a fresh temporary directory, or the server of
 * {@code SPRING_DATASOURCE_URL} when set; no demo data). Injects {@link TestDatabase} and {@link Api}.
 * <p>
 * Use this annotation alone, with no extra properties or {@code @MockitoBean}s, so every test class
 * shares one cached Spring context (each context starts a PostgreSQL). Call {@link TestDatabase#clean()}
 * in {@code @BeforeEach}: tests must not depend on order.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestSupportConfiguration.class)
@Tag("database")
public @interface DatabaseTest {
}
