package dev.vodcert.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs vodcert inside the test's JVM for this test class: on a free port of 127.0.0.1, on an embedded
 * H2 database in a temporary folder of its own (deleted afterwards), with emulated DNS, an emulated
 * clock and a switch that makes the issuer fail. Test methods, {@code @BeforeEach}/{@code @AfterEach}
 * methods and, per class, constructors and {@code @BeforeAll} methods take a {@link VodcertHandle}
 * parameter: the endpoint, a fresh account's AccessKey, and the emulation's controls.
 * <pre>{@code
 * @VodcertTest
 * class HttpsTest {
 *     @Test
 *     void turnsHttpsOn(VodcertHandle vodcert) {
 *         vodcert.everythingPoints(true);
 *         client = new DefaultAcsClient(DefaultProfile.getProfile("cn-shanghai",
 *                 vodcert.accessKeyId(), vodcert.accessKeySecret()));
 *         // requests go to vodcert.endpoint(), over HTTP
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(VodcertExtension.class)
public @interface VodcertTest {

    /** How long one vodcert lives. */
    enum Scope {
        /** One vodcert for all tests of the class (the default): starts before the first, stops after the last. */
        CLASS,
        /** A vodcert of its own for each test method: no state carries over from one test to the next. */
        METHOD
    }

    /** {@link Scope#CLASS} by default; {@link Scope#METHOD} for a fresh vodcert per test. */
    Scope scope() default Scope.CLASS;
}
