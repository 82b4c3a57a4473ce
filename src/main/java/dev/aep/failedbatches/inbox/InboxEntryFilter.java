package dev.aep.failedbatches.inbox;

import java.io.File;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox consumer's {@code filter}: files pass, a folder never does (its files are not batch-ID lists of this
 * inbox). Each refused folder is named in one WARN line, once per run, so that it is not ignored silently.
 */
public final class InboxEntryFilter implements GenericFileFilter<File> {

    private static final Logger LOG = LoggerFactory.getLogger("dev.aep.failedbatches.inbox");

    private final Set<String> foldersSaid = ConcurrentHashMap.newKeySet();

    @Override
    public boolean accept(GenericFile<File> entry) {
        if (!entry.isDirectory()) {
            return true;
        }
        if (foldersSaid.add(entry.getAbsoluteFilePath())) {
            LOG.warn("Inbox folder {} ignored: only files directly in the inbox are read; move its files up to have them read",
                    entry.getFileName());
        }
        return false;
    }
}
