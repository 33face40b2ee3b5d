package org.lodestone.licensing.application;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.lodestone.licensing.ApplicationId;
import org.lodestone.licensing.evidence.EvidenceCatalogue;
import org.lodestone.licensing.evidence.EvidenceOnFile;
import org.springframework.stereotype.Component;

/**
 * TEMP: stands in for the evidence module's catalogue on this branch, so tests can put documents "on file". Dropped on
 * merge, when the real {@link EvidenceCatalogue} arrives.
 */
@Component
public class TemporaryEvidenceCatalogue implements EvidenceCatalogue {

    private final Map<ApplicationId, List<EvidenceOnFile>> files = new ConcurrentHashMap<>();

    @Override
    public List<EvidenceOnFile> onFile(ApplicationId application) {
        return List.copyOf(files.getOrDefault(application, List.of()));
    }

    public void file(ApplicationId application, EvidenceOnFile document) {
        files.computeIfAbsent(application, k -> new CopyOnWriteArrayList<>()).add(document);
    }
}
