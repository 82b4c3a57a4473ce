package dev.aep.failedbatches.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.ThreadPoolProfileBuilder;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.util.concurrent.ThreadPoolRejectedPolicy;

/**
 * The bundle's {@code camel.beans.*} and {@code camel.threadpool.config[...]} settings, for a host without Camel
 * Main (Spring Boot, Quarkus), which binds neither: the keys of {@code classpath:aep/config/application.properties} and of the
 * property files Camel knows, each value resolved as Camel
 * resolves it (in Spring Boot: from the Spring environment), so a host's own value of a key wins. What the registry already holds (Camel Main bound it) stays.
 */
public final class HostBeans {

    private static final String BEANS = "camel.beans.";
    private static final String DEFAULTS = "aep/config/application.properties";
    private static final Pattern POOL = Pattern.compile("camel\\.threadpool\\.config\\[([^\\]]+)\\]\\.([a-z-]+)");

    private HostBeans() {
    }

    public static void bind(CamelContext context) throws Exception {
        PropertiesComponent properties = context.getPropertiesComponent();
        Properties keys = bundleDefaults(context);
        keys.putAll(properties.loadProperties(key -> key.startsWith(BEANS) || POOL.matcher(key).matches()));
        keys.keySet().removeIf(key -> !key.toString().startsWith(BEANS) && !POOL.matcher(key.toString()).matches());
        Registry registry = context.getRegistry();
        Map<String, Map<String, Object>> beanProperties = new TreeMap<>();
        Map<String, Object> created = new LinkedHashMap<>();
        Map<String, Map<String, String>> pools = new TreeMap<>();
        for (String key : new TreeMap<>(keys).keySet().stream().map(Object::toString).toList()) {
            String value = context.resolvePropertyPlaceholders(properties.resolveProperty(key).orElse(""));
            Matcher pool = POOL.matcher(key);
            if (pool.matches()) {
                pools.computeIfAbsent(pool.group(1), id -> new LinkedHashMap<>()).put(pool.group(2), value);
                continue;
            }
            String rest = key.substring(BEANS.length());
            int dot = rest.indexOf('.');
            if (dot < 0) {
                if (registry.lookupByName(rest) == null) {
                    Object bean = PropertyBindingSupport.resolveBean(context, value);
                    registry.bind(rest, bean);
                    created.put(rest, bean);
                }
            } else {
                beanProperties.computeIfAbsent(rest.substring(0, dot), name -> new LinkedHashMap<>())
                        .put(rest.substring(dot + 1), value);
            }
        }
        // after every bean exists: a property may name another bean (#bean:aepInboxDoneFile)
        created.forEach((name, bean) -> PropertyBindingSupport.bindProperties(context, bean,
                beanProperties.getOrDefault(name, Map.of())));
        pools.forEach((id, settings) -> {
            if (context.getExecutorServiceManager().getThreadPoolProfile(id) == null) {
                context.getExecutorServiceManager().registerThreadPoolProfile(profile(id, settings));
            }
        });
    }

    /** The keys the bundle ships (its default configuration in the jar): a host's property source may not list its keys. */
    private static Properties bundleDefaults(CamelContext context) throws IOException {
        Properties defaults = new Properties();
        try (InputStream in = context.getClassResolver().loadResourceAsStream(DEFAULTS)) {
            if (in != null) {
                defaults.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        }
        return defaults;
    }

    private static ThreadPoolProfile profile(String id, Map<String, String> settings) {
        ThreadPoolProfileBuilder builder = new ThreadPoolProfileBuilder(id);
        settings.forEach((name, value) -> {
            switch (name) {
                case "pool-size" -> builder.poolSize(Integer.parseInt(value));
                case "max-pool-size" -> builder.maxPoolSize(Integer.parseInt(value));
                case "max-queue-size" -> builder.maxQueueSize(Integer.parseInt(value));
                case "rejected-policy" -> builder.rejectedPolicy(ThreadPoolRejectedPolicy.valueOf(value));
                default -> throw new IllegalArgumentException("camel.threadpool.config[" + id + "]." + name
                        + " is not supported outside Camel Main");
            }
        });
        return builder.build();
    }
}
