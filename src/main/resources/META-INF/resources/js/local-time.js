// Pages write every time in UTC (<time datetime="…Z">Fri 11 Dec 2026, 20:00 UTC</time>); when the browser's zone is
// not UTC, this adds the reader's own time beside it. Without this script the page still reads fine, in UTC.
document.addEventListener("DOMContentLoaded", () => {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone || zone === "UTC" || zone === "Etc/UTC") {
    return;
  }
  const full = new Intl.DateTimeFormat(undefined, {
    weekday: "short", day: "numeric", month: "short", year: "numeric",
    hour: "2-digit", minute: "2-digit", timeZoneName: "short",
  });
  const clock = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", timeZoneName: "short" });
  const local = (after, text) => {
    const note = document.createElement("span");
    note.className = "local-time";
    note.textContent = ` (${text})`; // text, never markup
    after.insertAdjacentElement("afterend", note);
  };
  const read = (t) => {
    const d = new Date(t.getAttribute("datetime"));
    return isNaN(d) ? null : d;
  };
  document.querySelectorAll(".range").forEach((range) => {
    const [from, to] = [...range.querySelectorAll("time[datetime]")].map(read);
    if (from && to) {
      const sameDay = from.toDateString() === to.toDateString();
      local(range, `${full.format(from)} – ${(sameDay ? clock : full).format(to)}`);
    }
  });
  document.querySelectorAll("time[datetime]").forEach((t) => {
    const d = read(t);
    if (d && !t.closest(".range")) {
      local(t, full.format(d));
    }
  });
});
