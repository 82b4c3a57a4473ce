package dev.aep.failedbatches.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A container image as Jib's buildTar writes it (the docker-load layout: manifest.json naming config.json and the
 * gzipped layer tars), read with the JDK alone: its image config and every file of its layers, later layers winning.
 */
final class ImageTar {

    /** One file or folder of the image's file system. */
    record Entry(String path, boolean directory, int mode, long uid, long gid, byte[] content) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode config;
    private final Map<String, Entry> files;

    private ImageTar(JsonNode config, Map<String, Entry> files) {
        this.config = config;
        this.files = files;
    }

    static ImageTar read(Path tar) throws IOException {
        Map<String, byte[]> outer = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(tar)) {
            for (Entry entry : TarReader.entries(in).values()) {
                outer.put(entry.path(), entry.content());
            }
        }
        JsonNode manifest = JSON.readTree(outer.get("manifest.json")).get(0);
        JsonNode config = JSON.readTree(outer.get(manifest.get("Config").asText()));
        Map<String, Entry> files = new LinkedHashMap<>();
        for (JsonNode layer : manifest.get("Layers")) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(outer.get(layer.asText())))) {
                TarReader.entries(in).forEach((path, entry) -> files.put("/" + stripSlashes(path), entry));
            }
        }
        return new ImageTar(config.get("config"), files);
    }

    /** The image's run settings: Entrypoint, User, WorkingDir, ExposedPorts, Env, Volumes. */
    JsonNode config() {
        return config;
    }

    /** The file or folder at an absolute path of the image, or null. */
    Entry file(String absolutePath) {
        return files.get(stripTrailingSlash(absolutePath));
    }

    private static String stripSlashes(String path) {
        return stripTrailingSlash(path.replaceFirst("^(\\./|/)+", ""));
    }

    private static String stripTrailingSlash(String path) {
        return path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    }

    /** POSIX tar (ustar with PAX extended headers, GNU long names), as commons-compress writes it for Jib. */
    private static final class TarReader {

        static Map<String, Entry> entries(InputStream in) throws IOException {
            Map<String, Entry> entries = new LinkedHashMap<>();
            String longName = null;
            while (true) {
                byte[] header = in.readNBytes(512);
                if (header.length < 512 || isZero(header)) {
                    return entries;
                }
                long size = octal(header, 124, 12);
                byte[] content = in.readNBytes((int) size);
                in.skipNBytes((512 - size % 512) % 512);
                char type = (char) header[156];
                if (type == 'x') {
                    longName = paxPath(content, longName);
                    continue;
                }
                if (type == 'L') {
                    longName = text(content, 0, content.length);
                    continue;
                }
                if (type == 'g') {
                    continue;
                }
                String name = longName != null ? longName : ustarName(header);
                longName = null;
                entries.put(name, new Entry(name, type == '5', (int) octal(header, 100, 8), octal(header, 108, 8),
                        octal(header, 116, 8), content));
            }
        }

        private static String ustarName(byte[] header) {
            String name = text(header, 0, 100);
            String prefix = text(header, 345, 155);
            return prefix.isEmpty() ? name : prefix + "/" + name;
        }

        /** PAX records are "length key=value\n"; only the path matters here. */
        private static String paxPath(byte[] content, String current) {
            String path = current;
            for (String record : new String(content, StandardCharsets.UTF_8).split("\n")) {
                int space = record.indexOf(' ');
                if (space > 0 && record.startsWith("path=", space + 1)) {
                    path = record.substring(space + 1 + "path=".length());
                }
            }
            return path;
        }

        private static long octal(byte[] header, int offset, int length) {
            String digits = text(header, offset, length).trim();
            return digits.isEmpty() ? 0 : Long.parseLong(digits, 8);
        }

        private static String text(byte[] bytes, int offset, int length) {
            int end = offset;
            while (end < offset + length && bytes[end] != 0) {
                end++;
            }
            return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
        }

        private static boolean isZero(byte[] block) {
            for (byte b : block) {
                if (b != 0) {
                    return false;
                }
            }
            return true;
        }
    }
}
