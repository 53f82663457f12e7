package dev.vodcert.testing;

import java.util.Comparator;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * The run's class order (set in junit-platform.properties): classes in the order JUnit found them,
 * except that {@link RunLast} classes come after every other.
 */
public final class RunLastOrderer implements ClassOrderer {
    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparing(d -> d.isAnnotated(RunLast.class)));
    }
}
