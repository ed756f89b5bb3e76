package fr.convergence.pathway.api;

import fr.convergence.kit.security.Caller;
import fr.convergence.kit.web.ApiException;
import fr.convergence.pathway.store.StreamDocumentStorageEngine;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Object-level access to pathways (OWASP API1). A pathway of a territory — or, for ACI staff, of an ACI — the
 * caller does not work in answers 404 exactly like a missing one, so its existence does not leak. Writes that
 * name a territory or ACI the caller does not work in are refused with 403 {@code territory-not-yours}.
 */
@Component
public class PathwayAccess {

    static final String NOT_YOURS = "territory-not-yours";

    private final PathwayQueries queries;
    private final StreamDocumentStorageEngine store;

    PathwayAccess(PathwayQueries queries, StreamDocumentStorageEngine store) {
        this.queries = queries;
        this.store = store;
    }

    /** The pathway, if it exists and the caller sees it; otherwise 404 not-found, the same as a missing one. */
    public PathwayQueries.Located require(Caller caller, String pathwayId) {
        return queries.locate(pathwayId).filter(p -> sees(caller, p.territory(), p.aciId()))
                .orElseThrow(() -> ApiException.notFound("pathway", pathwayId));
    }

    /**
     * The pathway's whole stream document, read once for a command, if it exists and the caller sees it; otherwise
     * 404 not-found, exactly as {@link #require}. The command then loads its aggregate from this very document.
     */
    public Document requireStream(Caller caller, String pathwayId) {
        Document stream = store.documents().find(pathwayId);
        if (stream == null) {
            throw ApiException.notFound("pathway", pathwayId);
        }
        PathwayQueries.Located p = PathwayQueries.located(stream);
        if (!sees(caller, p.territory(), p.aciId())) {
            throw ApiException.notFound("pathway", pathwayId);
        }
        return stream;
    }

    /**
     * Whether the caller sees objects of this territory and ACI: any of the caller's territories (a portfolio holds
     * several), every territory for a national caller. A territorial role whose token lacks the claim that scopes it
     * (ACI staff without an ACI or with several territories, a coordinator without a territory) sees nothing:
     * {@link Caller#seesAci} fails closed on each.
     */
    public static boolean sees(Caller caller, String territory, String aciId) {
        return caller.seesAci(territory, aciId);
    }

    static ApiException notYours(String field, String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, NOT_YOURS, field, detail);
    }
}
