package fr.convergence.reporting.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * All tables in one long CSV (tableau; dimension; indicateur; valeur), separated by ';' as French spreadsheets
 * expect. Definitions stay in the XLSX: a CSV cell is no place for them.
 */
public final class CsvExporter {

    private CsvExporter() {
    }

    /** One table as it is (a column per header), in the same French CSV dialect: the evaluators' extract. */
    public static String writeTable(Table table) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, FRENCH.builder().setHeader(table.headers().toArray(String[]::new)).get())) {
            for (List<Object> row : table.rows()) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** ';' between cells, as French spreadsheets expect. */
    private static final CSVFormat FRENCH = CSVFormat.DEFAULT.builder().setDelimiter(';').get();

    public static String write(List<Table> tables) {
        StringWriter out = new StringWriter();
        CSVFormat format = FRENCH.builder().setHeader("Tableau", "Dimension", "Indicateur", "Valeur").get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (Table table : tables) {
                if (table.name().equals("Définitions")) {
                    continue;
                }
                for (List<Object> row : table.rows()) {
                    String dimension = table.headers().get(0) + "=" + (row.get(0) == null ? "" : row.get(0));
                    if (table.name().equals("Indicateurs")) {
                        printer.printRecord(table.name(), row.get(0), row.get(1), row.get(2));
                        continue;
                    }
                    for (int c = 1; c < row.size(); c++) {
                        printer.printRecord(table.name(), dimension, table.headers().get(c), row.get(c));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
