package org.tablesolver.importing;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tablesolver.booking.BookingRequest;
import org.tablesolver.booking.BookingService;
import org.tablesolver.floorplan.FloorPlan;
import org.tablesolver.floorplan.FloorPlanService;
import org.tablesolver.web.InvalidRequestException;
import org.tablesolver.web.JsonProblems;
import org.tablesolver.web.Problems;
import org.tablesolver.web.RequestValidator;

/**
 * Imports floor plans and PENDING bookings in one transaction, all or nothing, with the rules of
 * {@code PUT /api/restaurants/{id}} and {@code POST .../bookings}. Used by {@code POST /api/import},
 * the demo data and the CLI.
 */
@Service
public class ImportService {

    private final FloorPlanService floorPlans;
    private final BookingService bookings;
    private final RequestValidator validator;
    private final ObjectMapper objectMapper;

    ImportService(FloorPlanService floorPlans, BookingService bookings, RequestValidator validator,
                  ObjectMapper objectMapper) {
        this.floorPlans = floorPlans;
        this.bookings = bookings;
        this.validator = validator;
        this.objectMapper = objectMapper;
    }

    /** Reads an import document (either form) from JSON and imports it; 400 for JSON that cannot be read. */
    @Transactional
    public ImportResult importJson(InputStream json) throws IOException {
        ImportDocument document;
        try {
            document = objectMapper.readValue(json, ImportDocument.class);
        } catch (JsonProcessingException e) {
            throw JsonProblems.toInvalidRequest(e);
        }
        return importDocument(document);
    }

    /** Imports a document; any refusal (400, 404, 409) rolls back everything it wrote. */
    @Transactional
    public ImportResult importDocument(ImportDocument document) {
        validator.validate(document, "");
        record Part(String prefix, FloorPlan restaurant, List<BookingRequest> bookings) {
        }
        List<Part> parts = new ArrayList<>();
        if (document.restaurants() != null) {
            if (document.restaurant() != null || document.bookings() != null) {
                throw new InvalidRequestException("restaurants",
                        "give either \"restaurant\" and \"bookings\", or \"restaurants\", not both");
            }
            for (int i = 0; i < document.restaurants().size(); i++) {
                ImportDocument.Restaurant part = document.restaurants().get(i);
                parts.add(new Part("restaurants[" + i + "]", part.restaurant(), part.bookings()));
            }
        } else if (document.restaurant() != null) {
            parts.add(new Part("", document.restaurant(), document.bookings()));
        } else {
            throw new InvalidRequestException("restaurant", "must not be null");
        }

        Problems problems = new Problems();
        Set<String> restaurantIds = new HashSet<>();
        for (Part part : parts) {
            String idField = Problems.path(part.prefix(), "restaurant.id");
            if (problems.check(part.restaurant().id() != null, idField, "must not be null")) {
                problems.check(restaurantIds.add(part.restaurant().id()), idField,
                        "duplicate restaurant id '" + part.restaurant().id() + "'");
            }
            Set<String> bookingIds = new HashSet<>();
            List<BookingRequest> requests = part.bookings() == null ? List.of() : part.bookings();
            for (int j = 0; j < requests.size(); j++) {
                String id = requests.get(j).id();
                problems.check(id == null || bookingIds.add(id), Problems.path(part.prefix(), "bookings[" + j + "].id"),
                        "duplicate booking id '" + id + "' in this document");
            }
        }
        problems.throwIfAny();

        List<ImportResult.Restaurant> results = new ArrayList<>();
        int created = 0;
        int unchanged = 0;
        for (Part part : parts) {
            String restaurantId = part.restaurant().id();
            boolean restaurantCreated = floorPlans.replace(restaurantId, part.restaurant(),
                    Problems.path(part.prefix(), "restaurant")).created();
            int partCreated = 0;
            int partUnchanged = 0;
            List<BookingRequest> requests = part.bookings() == null ? List.of() : part.bookings();
            for (int j = 0; j < requests.size(); j++) {
                BookingService.Created result = bookings.create(restaurantId, requests.get(j),
                        Problems.path(part.prefix(), "bookings[" + j + "]"));
                if (result.created()) {
                    partCreated++;
                } else {
                    partUnchanged++;
                }
            }
            results.add(new ImportResult.Restaurant(restaurantId, restaurantCreated, partCreated, partUnchanged));
            created += partCreated;
            unchanged += partUnchanged;
        }
        return new ImportResult(results, created, unchanged);
    }
}
