package dev.aep.failedbatches.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.PropertyBindingSupport;

/**
 * The bundle's {@code camel.beans.*} settings, for a host without Camel Main (Spring Boot), which does not bind them
 * (its thread pool profiles it binds itself, see README "Spring Boot host"): the keys of {@code classpath:aep/config/application.properties} and of the
 * property files Camel knows, each value resolved as Camel
 * resolves it (in Spring Boot: from the Spring environment), so a host's own value of a key wins. What the registry already holds (Camel Main bound it) stays.
 */
public final class HostBeans {

    private static final String BEANS = "camel.beans.";
    private static final String DEFAULTS = "aep/config/application.properties";

    private HostBeans() {
    }

    public static void bind(CamelContext context) throws Exception {
        PropertiesComponent properties = context.getPropertiesComponent();
        Properties keys = bundleDefaults(context);
        keys.putAll(properties.loadProperties(key -> key.startsWith(BEANS)));
        keys.keySet().removeIf(key -> !key.toString().startsWith(BEANS));
        Registry registry = context.getRegistry();
        Map<String, Map<String, Object>> beanProperties = new TreeMap<>();
        Map<String, Object> created = new LinkedHashMap<>();
        for (String key : new TreeMap<>(keys).keySet().stream().map(Object::toString).toList()) {
            String value = context.resolvePropertyPlaceholders(properties.resolveProperty(key).orElse(""));
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
}
