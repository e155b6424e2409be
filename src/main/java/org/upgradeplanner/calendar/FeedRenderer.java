package org.upgradeplanner.calendar;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Created;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.upgradeplanner.support.Text;

/**
 * Renders a published calendar (METHOD:PUBLISH) with iCal4j. The bytes depend only on the events (DTSTAMP is the
 * window's last change, never "now"), so an unchanged feed is byte-identical; lines are folded by octets.
 */
public final class FeedRenderer {

    public static final String PRODID = "-//Upgrade Planner//Outage calendar//EN";

    private final String organizer;
    private final Duration refresh;

    /** @param organizer a {@code mailto:} URI: RFC 5546 wants an ORGANIZER on every published event */
    public FeedRenderer(String organizer, Duration refresh) {
        this.organizer = organizer;
        this.refresh = refresh;
    }

    public byte[] render(String name, List<FeedEvent> events) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        calendar.add(new RefreshInterval(new ParameterList(List.of(Value.DURATION)), refresh));
        calendar.add(new XProperty("X-PUBLISHED-TTL", refresh.toString()));
        for (FeedEvent e : events) {
            calendar.add(event(e));
        }
        return Folding.fold(calendar.toString()).getBytes(StandardCharsets.UTF_8);
    }

    private VEvent event(FeedEvent e) {
        VEvent v = new VEvent(false);
        v.add(new Uid(e.uid()));
        v.add(new DtStamp(e.lastModified()));
        v.add(new DtStart<>(e.start()));
        v.add(new DtEnd<>(e.end()));
        v.add(new Summary(Text.printable(e.summary())));
        v.add(new Description(Text.printable(e.description())));
        v.add(new Sequence(e.sequence()));
        v.add(status(e.status()));
        v.add(new Created(e.created()));
        v.add(new LastModified(e.lastModified()));
        v.add(new Url(URI.create(e.url())));
        v.add(new Organizer(URI.create(organizer)));
        return v;
    }

    private static Status status(String status) {
        return switch (status) {
            case "CONFIRMED" -> ImmutableStatus.VEVENT_CONFIRMED;
            case "CANCELLED" -> ImmutableStatus.VEVENT_CANCELLED;
            default -> ImmutableStatus.VEVENT_TENTATIVE;
        };
    }
}
