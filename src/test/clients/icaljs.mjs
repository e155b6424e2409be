// Reads an iCalendar feed from a URL with Mozilla's ical.js and prints what a calendar client sees of each event.
import ICAL from "ical.js";

const url = process.argv[2];
const response = await fetch(url);
if (!response.ok) {
  console.error(`GET ${url}: HTTP ${response.status}`);
  process.exit(1);
}
const vcalendar = new ICAL.Component(ICAL.parse(await response.text()));
const events = vcalendar.getAllSubcomponents("vevent").map((v) => {
  const event = new ICAL.Event(v);
  return {
    uid: event.uid,
    sequence: event.sequence,
    status: v.getFirstPropertyValue("status"),
    // an all-day event (a sprint day) is a date, in no zone; anything else an instant in UTC
    start: event.startDate.isDate ? event.startDate.toString() : event.startDate.toJSDate().toISOString().replace(".000Z", "Z"),
    end: event.endDate.isDate ? event.endDate.toString() : event.endDate.toJSDate().toISOString().replace(".000Z", "Z"),
    summary: event.summary,
  };
});
console.log(JSON.stringify({ method: vcalendar.getFirstPropertyValue("method"), events }));
