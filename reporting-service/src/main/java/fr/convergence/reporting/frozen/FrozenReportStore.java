package fr.convergence.reporting.frozen;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import fr.convergence.kit.web.ApiException;
import org.bson.Document;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Collection {@code frozen_reports}: insert only, never updated or deleted, and outside the generations so that a
 * rebuild (which drops the old generation's collections) leaves it alone. The unique key scope+period+version is
 * the {@code _id}, so two people closing the same period at once cannot both win: the second insert fails and
 * answers 409. The report itself is kept as its JSON text, read back as the very record that was served.
 */
@Component
public class FrozenReportStore {

    static final String COLLECTION = "frozen_reports";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MongoCollection<Document> collection;

    public FrozenReportStore(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION);
    }

    public void insert(FrozenReport report) {
        Document doc = new Document("_id", report.id()).append("scope", report.scope().key())
                .append("period", report.period()).append("version", report.version())
                .append("territory", report.territory()).append("json", JSON.writeValueAsString(report));
        try {
            collection.insertOne(doc);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw ApiException.conflict("report-already-closed", "version " + report.version() + " of "
                        + report.period() + " for this scope was just issued by someone else");
            }
            throw e;
        }
    }

    public Optional<FrozenReport> find(String id) {
        return Optional.ofNullable(collection.find(new Document("_id", id)).first()).map(FrozenReportStore::read);
    }

    /** Every version of one scope and period, oldest first. */
    public List<FrozenReport> versions(ReportScope scope, String period) {
        List<FrozenReport> versions = new ArrayList<>();
        collection.find(new Document("scope", scope.key()).append("period", period))
                .forEach(d -> versions.add(read(d)));
        versions.sort(Comparator.comparingInt(FrozenReport::version));
        return versions;
    }

    public List<FrozenReport> all() {
        List<FrozenReport> all = new ArrayList<>();
        collection.find().forEach(d -> all.add(read(d)));
        all.sort(Comparator.comparing((FrozenReport r) -> r.scope().key()).thenComparing(FrozenReport::period)
                .thenComparingInt(FrozenReport::version));
        return all;
    }

    private static FrozenReport read(Document doc) {
        return JSON.readValue(doc.getString("json"), FrozenReport.class);
    }
}
