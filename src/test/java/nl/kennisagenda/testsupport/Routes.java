package nl.kennisagenda.testsupport;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;

/**
 * The application's own list of routes: every JAX-RS resource method in the compiled classes of package
 * nl.kennisagenda (not the tests), read with reflection, so a test over "every route" covers routes added later.
 */
public final class Routes {

    /** One resource method: HTTP method, path template and what it consumes (empty when it does not say). */
    public record Route(String method, String template, List<String> consumes) {

        public boolean changesSomething() {
            return !method.equals("GET");
        }

        public boolean consumes(String mediaType) {
            return consumes.stream().anyMatch(type -> type.startsWith(mediaType));
        }

        public boolean isApi() {
            return template.equals("/api") || template.startsWith("/api/");
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    private Routes() {
    }

    public static List<Route> all() {
        try {
            return scan();
        } catch (IOException | URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException("could not read the application's classes", e);
        }
    }

    /** The class's own methods and those it inherits (routes shared through an abstract resource class). */
    private static List<Method> resourceMethods(Class<?> type) {
        List<Method> methods = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            methods.addAll(List.of(c.getDeclaredMethods()));
        }
        return methods;
    }

    private static List<Route> scan() throws IOException, URISyntaxException, ClassNotFoundException {
        List<Route> routes = new ArrayList<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Enumeration<URL> roots = loader.getResources("nl/kennisagenda");
        while (roots.hasMoreElements()) {
            URL root = roots.nextElement();
            if (!"file".equals(root.getProtocol()) || root.getPath().contains("test-classes")) {
                continue;
            }
            Path base = Path.of(root.toURI());
            List<Path> classes;
            try (Stream<Path> files = Files.walk(base)) {
                classes = files.filter(f -> f.toString().endsWith(".class")).toList();
            }
            for (Path file : classes) {
                String name = "nl.kennisagenda." + base.relativize(file).toString()
                        .replace(".class", "").replace('/', '.').replace('\\', '.');
                Class<?> type = Class.forName(name, false, loader);
                jakarta.ws.rs.Path classPath = type.getAnnotation(jakarta.ws.rs.Path.class);
                if (classPath == null) {
                    continue;
                }
                for (Method method : resourceMethods(type)) {
                    String verb = verb(method);
                    if (verb == null) {
                        continue;
                    }
                    jakarta.ws.rs.Path methodPath = method.getAnnotation(jakarta.ws.rs.Path.class);
                    routes.add(new Route(verb, join(classPath.value(), methodPath == null ? "" : methodPath.value()),
                            consumes(method)));
                }
            }
        }
        return routes;
    }

    private static List<String> consumes(Method method) {
        Consumes consumes = method.getAnnotation(Consumes.class);
        if (consumes == null) {
            consumes = method.getDeclaringClass().getAnnotation(Consumes.class);
        }
        return consumes == null ? List.of() : Arrays.asList(consumes.value());
    }

    private static String verb(Method method) {
        if (method.isAnnotationPresent(GET.class)) {
            return "GET";
        }
        if (method.isAnnotationPresent(POST.class)) {
            return "POST";
        }
        if (method.isAnnotationPresent(PUT.class)) {
            return "PUT";
        }
        if (method.isAnnotationPresent(DELETE.class)) {
            return "DELETE";
        }
        if (method.isAnnotationPresent(PATCH.class)) {
            return "PATCH";
        }
        return null;
    }

    private static String join(String first, String second) {
        String path = "/" + first.replaceAll("^/+|/+$", "") + "/" + second.replaceAll("^/+|/+$", "");
        path = path.replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
