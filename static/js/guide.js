// Scenario guides: answering a question updates the steps, the checklist and its QR code at once.
// Progressive enhancement: without JavaScript the form submits and the server renders the same result.
(function () {
  "use strict";

  var guide = document.querySelector("[data-guide]");
  var form = guide && guide.querySelector("[data-guide-form]");
  if (!form) return;

  function urlFor(formElement) {
    var query = new URLSearchParams(new FormData(formElement)).toString();
    return formElement.getAttribute("action") + (query ? "?" + query : "");
  }

  var pending = null;

  function update() {
    var url = urlFor(form);
    var results = guide.querySelector("[data-guide-results]");
    if (pending) pending.abort(); // only the latest answers may fill the page
    pending = new AbortController();
    results.setAttribute("aria-busy", "true");
    fetch(url, { headers: { Accept: "text/html" }, signal: pending.signal })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("[data-guide-results]");
        if (!fresh) return Promise.reject("no results");
        results.innerHTML = fresh.innerHTML;
        history.replaceState(null, "", url);
        guide.querySelector("[data-guide-status]").textContent =
          "已按您的回答更新：共 " + results.querySelectorAll(".step").length + " 个步骤。";
      })
      .catch(function (error) { if (error.name !== "AbortError") window.location.assign(url); })
      .finally(function () { results.removeAttribute("aria-busy"); });
  }

  form.addEventListener("change", update);
  var print = guide.querySelector("[data-print]");
  if (print) {
    print.hidden = false;
    print.addEventListener("click", function () { window.print(); });
  }
})();
