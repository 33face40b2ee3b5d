package org.lodestone.screening.lists.formats;

import java.io.IOException;
import java.io.InputStream;
import org.lodestone.screening.lists.ListFormat;

/** Reads one list file format, streaming, and reports each record to the sink. */
public interface ListFileReader {

    /**
     * @throws NotTheDeclaredFormat when the file does not look like this format at all (wrong header, not JSON)
     */
    void read(InputStream in, ImportSink sink) throws IOException;

    static ListFileReader of(ListFormat format) {
        return switch (format) {
            case FTM_JSON -> new FtmJsonLines();
            case OPENSANCTIONS_SIMPLE_CSV -> new OpenSanctionsSimpleCsv();
            case CSL_CSV -> new CslCsv();
            case CSL_JSON -> new CslJson();
            case LODESTONE_CSV -> new LodestoneCsv();
        };
    }
}
