// Validate many EPUBs in one JVM: EPUBCheck's own command line takes one file per
// run and most of its ~4 s is JVM start-up, so the test suite batches through here.
// Usage: java -cp epubcheck.jar EpubCheckBatch.java OUT_DIR BOOK.epub ...
// Writes OUT_DIR/<n>.json (EPUBCheck's --json report) for the n-th book, from 0.
import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.reporting.CheckingReport;
import java.io.File;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

public class EpubCheckBatch {
    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ENGLISH);
        File outDir = new File(args[0]);
        for (int n = 1; n < args.length; n++) {
            File book = new File(args[n]);
            File out = new File(outDir, (n - 1) + ".json");
            try (PrintWriter writer = new PrintWriter(new OutputStreamWriter(
                    new FileOutputStream(out), StandardCharsets.UTF_8))) {
                CheckingReport report = new CheckingReport(writer, book.getPath());
                report.initialize();
                new EpubCheck(book, report).doValidate();
                report.generate();
            }
        }
    }
}
