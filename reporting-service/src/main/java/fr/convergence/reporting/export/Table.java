package fr.convergence.reporting.export;

import java.util.List;

/** One table of an export: a sheet in XLSX, a block of rows in CSV. Headers are in French for evaluators. */
public record Table(String name, List<String> headers, List<List<Object>> rows) {
}
