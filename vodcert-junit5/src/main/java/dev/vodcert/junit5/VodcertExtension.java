package dev.vodcert.junit5;

import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link VodcertTest} (also usable as {@code @ExtendWith(VodcertExtension.class)},
 * per class). Per class, vodcert starts before the class's first test and stops after its last
 * (nested classes share it); per method, each test gets its own. Each lives in the JUnit store of its
 * scope, which stops it (and deletes its data folder) when the scope ends, whether the tests passed
 * or not. Parameters of type {@link VodcertHandle} resolve to the vodcert of the current scope.
 */
public final class VodcertExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(VodcertExtension.class);
    private static final String KEY = "vodcert";

    @Override
    public void beforeAll(ExtensionContext context) {
        if (scope(context) == VodcertTest.Scope.CLASS && find(context).isEmpty()) {
            start(context);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (scope(context) == VodcertTest.Scope.METHOD) {
            start(context);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == VodcertHandle.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (scope(context) == VodcertTest.Scope.METHOD && context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException("@VodcertTest(scope = METHOD) starts vodcert for each test: "
                    + "take the VodcertHandle in test, @BeforeEach or @AfterEach methods, not in "
                    + parameter.getDeclaringExecutable().getName());
        }
        return find(context).orElseThrow(() -> new ParameterResolutionException("vodcert is not running in "
                + context.getDisplayName()));
    }

    private static void start(ExtensionContext context) {
        context.getStore(NAMESPACE).put(KEY, new Running(new VodcertHandle(RunningVodcert.start())));
    }

    /** The handle of the nearest scope (a method's store sees its class's). */
    private static Optional<VodcertHandle> find(ExtensionContext context) {
        return Optional.ofNullable(context.getStore(NAMESPACE).get(KEY, Running.class)).map(Running::handle);
    }

    private static VodcertTest.Scope scope(ExtensionContext context) {
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            Optional<VodcertTest> a = c.get().getTestClass()
                    .flatMap(type -> AnnotationSupport.findAnnotation(type, VodcertTest.class));
            if (a.isPresent()) {
                return a.get().scope();
            }
        }
        return VodcertTest.Scope.CLASS;
    }

    /** What the store closes at the end of its scope. */
    @SuppressWarnings("deprecation") // CloseableResource: JUnit 5 before 5.13 closes only these
    private record Running(VodcertHandle handle) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            handle.close();
        }
    }
}
