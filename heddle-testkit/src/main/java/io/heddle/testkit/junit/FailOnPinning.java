package io.heddle.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fails a test (or every test of a class) during which a virtual thread pinned its carrier: it blocked while the JVM
 * could not unmount it (inside a native frame or a class initializer), holding one of the few carrier threads that
 * every virtual thread shares. Detected with the JFR event {@code jdk.VirtualThreadPinned}; the failure lists each
 * pinning with its stack.
 *
 * {@snippet :
 * @FailOnPinning
 * class GatewayTest { ... }
 * }
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(PinningExtension.class)
public @interface FailOnPinning {}
