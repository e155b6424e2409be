// Live policy feedback on the new-window form: while the admin types, the server says what the window would break,
// and each message appears beside its field. Without this script the form still works: the same messages come back
// after submitting.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("new-window") || document.getElementById("edit-window");
  if (!form) {
    return;
  }
  let timer;
  const show = (errors) => {
    form.querySelectorAll(".live-error").forEach((e) => e.remove());
    Object.entries(errors).forEach(([field, message]) => {
      const input = form.querySelector(`[name="${field}"]`) || form.querySelector("[name=start]");
      const note = document.createElement("span");
      note.className = "error live-error";
      note.setAttribute("role", "status");
      note.textContent = message; // text, never markup
      input.insertAdjacentElement("afterend", note);
    });
  };
  const check = () => {
    if (!form.start.value || !form.end.value) {
      return;
    }
    fetch("/windows/check", { method: "POST", body: new URLSearchParams(new FormData(form)), credentials: "same-origin" })
      .then((r) => (r.ok ? r.json() : {}))
      .then(show)
      .catch(() => {});
  };
  form.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(check, 300);
  });
});
