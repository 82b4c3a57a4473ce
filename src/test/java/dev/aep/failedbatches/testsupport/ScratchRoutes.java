package dev.aep.failedbatches.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/** A copy of the production routes/ folder that a test edits while the app runs on it. */
public final class ScratchRoutes {

    private final Path dir;

    private ScratchRoutes(Path dir) {
        this.dir = dir;
    }

    public static ScratchRoutes copyOfProductionRoutes(Path parent) throws IOException {
        Path dir = Files.createDirectories(parent.resolve("routes"));
        try (Stream<Path> production = Files.list(Path.of("routes"))) {
            for (Path file : production.filter(f -> f.toString().endsWith(".camel.yaml")).toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
        return new ScratchRoutes(dir.toAbsolutePath());
    }

    public Path dir() {
        return dir;
    }

    /** Replaces a file the way editors save: written next to it, then moved over it (never seen half-written). */
    public void replace(String fileName, String content) throws IOException {
        Path staging = Files.writeString(dir.resolveSibling(fileName + ".staging"), content, StandardCharsets.UTF_8);
        Files.move(staging, dir.resolve(fileName), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The file's routes, with {@code step} put first in the steps of the route {@code routeId}, as YAML text. */
    public String withFirstStep(String fileName, String routeId, Map<String, Object> step) throws IOException {
        Object loaded = new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(dir.resolve(fileName), StandardCharsets.UTF_8));
        boolean found = false;
        for (Object element : (List<?>) loaded) {
            Map<?, ?> route = (Map<?, ?>) ((Map<?, ?>) element).get("route");
            if (route != null && routeId.equals(route.get("id"))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> from = (Map<String, Object>) route.get("from");
                List<Object> steps = new ArrayList<>();
                steps.add(new LinkedHashMap<>(step));
                steps.addAll((List<?>) from.get("steps"));
                from.put("steps", steps);
                found = true;
            }
        }
        if (!found) {
            throw new IllegalStateException("no route " + routeId + " in " + fileName);
        }
        return new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build()).dumpToString(loaded);
    }
}
