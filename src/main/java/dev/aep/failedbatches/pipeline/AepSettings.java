package dev.aep.failedbatches.pipeline;

import java.util.Optional;
import org.apache.camel.spi.PropertiesComponent;

/** Typed access to the {@code aep.*} properties (file, system properties and environment variables alike). */
public final class AepSettings {

    private final PropertiesComponent properties;

    public AepSettings(PropertiesComponent properties) {
        this.properties = properties;
    }

    public String get(String key, String defaultValue) {
        Optional<String> value = properties.resolveProperty(key);
        return value.map(String::trim).filter(v -> !v.isEmpty()).orElse(defaultValue);
    }

    public String require(String key) {
        String value = get(key, null);
        if (value == null) {
            throw new IllegalArgumentException("missing required property " + key);
        }
        return value;
    }

    public int getInt(String key, int defaultValue) {
        String value = get(key, null);
        try {
            return value == null ? defaultValue : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("property " + key + " must be a whole number, was: " + value);
        }
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        String value = get(key, null);
        return value == null ? defaultValue : Boolean.parseBoolean(value);
    }
}
