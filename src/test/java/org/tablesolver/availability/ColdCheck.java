package org.tablesolver.availability;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tablesolver.floorplan.FloorPlanService;
import org.tablesolver.solve.DayKey;
import org.tablesolver.solve.DayLoader;
import org.tablesolver.solve.LoadedDay;

/**
 * A cold check of an availability answer, for benchmarks that run the service in another process: the stored state
 * loaded afresh (no view, nothing kept) and every start of the answer checked by the exact check again.
 */
public final class ColdCheck {

    private ColdCheck() {
    }

    /** The slots of {@code answer} whose cold answer differs ("start: view ... cold ..."); empty when all agree. */
    public static List<String> mismatches(ApplicationContext context, String restaurantId, LocalDate date,
                                          JsonNode answer) {
        FloorPlanService floorPlans = context.getBean(FloorPlanService.class);
        DayLoader loader = context.getBean(DayLoader.class);
        OnlineBookingProperties properties = context.getBean(OnlineBookingProperties.class);
        LoadedDay day = new TransactionTemplate(context.getBean(PlatformTransactionManager.class)).execute(status ->
                loader.readInTransaction(new DayKey(restaurantId, date), floorPlans.get(restaurantId)));
        SlotJudge judge = new SlotJudge(day.floorPlan(), day, properties.budget(), null);
        List<LocalDateTime> starts = new ArrayList<>();
        answer.path("slots").forEach(slot -> starts.add(LocalDateTime.parse(slot.path("start").asText())));
        SlotJudge.Party party = new SlotJudge.Party(answer.path("partySize").asInt(),
                answer.path("durationMinutes").asInt(), answer.path("zone").isNull() ? null : answer.path("zone").asText(),
                null);
        List<SlotJudge.Answer> cold = judge.judgeAll(starts, party, false);
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            JsonNode slot = answer.path("slots").get(i);
            String view = slot.path("available").asBoolean() + " " + slot.path("code").asText("");
            String check = cold.get(i).available() + " " + (cold.get(i).available() ? "" : cold.get(i).code().name());
            if (!view.equals(check)) {
                mismatches.add(starts.get(i) + ": view " + view + ", cold " + check);
            }
        }
        return mismatches;
    }
}
