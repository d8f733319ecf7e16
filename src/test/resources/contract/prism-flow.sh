#!/usr/bin/env bash
# An integrator's flow through Prism's validation proxy (P), valid traffic then malformed requests.
P=${P:-http://127.0.0.1:4010}
AUTH="Authorization: Bearer $KEY"
J='Content-Type: application/json'
c() { local m=$1 p=$2 d=$3 ct=${4:-application/json}; if [ -n "$d" ]; then curl -s -o /dev/null -w "%{http_code} $m $p\n" -X $m -H "$AUTH" -H "Content-Type: $ct" "$P$p" -d "$d"; else curl -s -o /dev/null -w "%{http_code} $m $p\n" -X $m -H "$AUTH" "$P$p"; fi; }
R=/api/restaurants/bistro-9
PLAN='{"name": "Bistro Nine", "timeZone": "Europe/London", "turnoverBufferMinutes": 10,
  "zones": [{"id": "bar", "name": "Bar"}, {"id": "garden", "name": "Garden"}],
  "tables": [{"id": "T1", "zone": "bar", "minCapacity": 1, "maxCapacity": 2},
             {"id": "T2", "zone": "bar", "minCapacity": 2, "maxCapacity": 4},
             {"id": "T3", "zone": "garden", "minCapacity": 2, "maxCapacity": 4},
             {"id": "T4", "zone": "garden", "minCapacity": 4, "maxCapacity": 6}],
  "combinations": [{"id": "C1", "tables": ["T2", "T3"], "minCapacity": 5, "maxCapacity": 8}],
  "servicePeriods": [{"id": "dinner", "days": ["FRI"], "firstArrival": "18:00", "lastArrival": "22:00"}],
  "turnTimes": [{"maxPartySize": 2, "minutes": 75}, {"maxPartySize": 4, "minutes": 90}, {"maxPartySize": 8, "minutes": 120}],
  "bookingSlotMinutes": 30}'
c PUT $R "$PLAN"
c PUT $R "$PLAN"
c GET $R
READ=$(curl -s -H "$AUTH" "$P$R"); c PUT $R "$READ"
c GET /api/restaurants
c POST $R/bookings '{"id": "p1", "date": "2026-12-04", "start": "2026-12-04T19:00:00", "partySize": 2, "requiredZone": null}'
c POST $R/bookings '{"id": "p1", "date": "2026-12-04", "start": "2026-12-04T19:00:00", "partySize": 2, "requiredZone": null}'
c GET $R/bookings/p1
c GET "$R/bookings?limit=1"
c POST $R/bookings/p1/confirm
c POST $R/bookings '{"id": "p2", "date": "2026-12-04", "start": "2026-12-04T19:30:00", "partySize": 4, "confirm": true, "guestName": "Ada"}'
c GET "$R/days/2026-12-04/availability?partySize=4"
c GET "$R/availability/calendar?partySize=2&from=2026-12-01&to=2026-12-07"
HOLD=$(curl -s -H "$AUTH" -H "$J" -X POST "$P$R/holds" -d '{"partySize": 4, "start": "2026-12-04T20:00:00", "expiresInSeconds": 300, "reference": "checkout-1"}')
echo "hold: ${HOLD:0:60}"
HID=$(echo "$HOLD" | python3 -c 'import sys,json; print(json.load(sys.stdin)["id"])')
c GET $R/holds
c POST $R/bookings "{\"id\": \"p3\", \"date\": \"2026-12-04\", \"start\": \"2026-12-04T20:00:00\", \"partySize\": 4, \"confirm\": true, \"holdId\": \"$HID\"}"
c POST $R/holds '{"tableId": "T1", "start": "2026-12-04T21:00:00", "durationMinutes": 60, "expiresInSeconds": 60}'
c PATCH $R/bookings/p2 '{"notes": "window", "requiredZone": null}' application/merge-patch+json
c PUT $R/bookings/p1/seating '{"seating": "T1", "pinned": true}'
c POST $R/bookings/p1/seat
c POST $R/bookings/p1/complete
c POST $R/bookings/p2/no-show
c POST $R/walk-ins '{"partySize": 2, "durationMinutes": 60}'
c DELETE $R/bookings/p3
c GET "$R/days/2026-12-04/plan"
c GET "$R/changes?after=0"
c POST $R/bookings '{"id": "p4", "date": "2026-12-04", "start": "2026-12-04T19:00:00", "partySize": 6}'
c POST $R/days/2026-12-04/solve
c POST "$R/days/2026-12-04/solve?wait=false" '{"mode": "REOPTIMIZE"}'
c GET /api/solves
c GET "/api/solves?restaurantId=bistro-9&limit=5"
c POST /api/keys '{"name": "widget", "scopes": ["book", "read"], "restaurants": ["bistro-9"]}'
c GET /api/keys
c POST /api/webhooks '{"url": "https://pos.example/hooks", "events": ["booking.confirmed"], "restaurants": ["bistro-9"]}'
c GET /api/webhooks
echo "== errors the service refuses"
c POST $R/bookings '{"date": "2026-12-04", "start": "2026-12-04T19:00:00Z", "partySize": 2}'
c POST $R/bookings '{"date": "2026-12-04", "start": "2026-12-04T19:00:00", "partySize": 2, "colour": "red"}'
c POST $R/bookings '{"date": "2026-12-04", "start": "2026-12-04T19:00:00"}'
c POST /api/keys '{"scopes": ["book"]}'
c POST /api/keys '{"name": "x"}'
c POST /api/keys '{"name": "x", "scopes": ["write"]}'
c PUT /api/restaurants/bistro-10 '{"timeZone": "Europe/London", "turnoverBufferMinutes": 10, "zones": [], "tables": []}'
c POST /api/webhooks '{"url": "https://pos.example/hooks", "events": ["nope"]}'
c GET /api/restaurants/nowhere
c GET $R/bookings/nope
