package org.lodestone.licensing.evidence;

import java.util.List;
import org.lodestone.licensing.ApplicationId;

/** The evidence on file for an application (current documents only, not removed ones); read by the completeness check. */
public interface EvidenceCatalogue {

    List<EvidenceOnFile> onFile(ApplicationId application);
}
