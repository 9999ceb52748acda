// Review screen, PDF and scans: clicking an item shows its page image(s) with the evidence boxed.
// Each item carries data-regions = [{"page": n, "boxes": [[x0, y0, x1, y1], ...]}] (page fractions,
// computed on the server by dondoc.core.provenance); boxes become absolutely positioned divs in %.
// A region without boxes (a PDF page with a text layer) carries the evidence text "q": the page's
// /boxes route finds it on the text layer; if it cannot, the whole page is outlined. No build step.
(function () {
  "use strict";

  function pageUrl(view, n) { return "/documents/" + view.dataset.doc + "/pages/" + n + ".png?w=900"; }
  function pct(v) { return (Math.round(v * 10000) / 100) + "%"; }

  function figure(view, region, browsing) {
    var fig = document.createElement("figure");
    fig.className = "page";
    fig.dataset.page = region.page;
    var cap = document.createElement("figcaption");
    var whole = !browsing && !region.boxes.length;
    cap.textContent = "Trang " + region.page + (whole ? " — trang có lớp chữ, không có vị trí từng dòng" : "");
    var box = document.createElement("div");
    box.className = "pagebox" + (whole ? " whole" : "");
    var img = document.createElement("img");
    img.src = pageUrl(view, region.page);
    img.alt = "Ảnh trang " + region.page;
    box.appendChild(img);
    addBoxes(box, region.boxes);
    fig.appendChild(cap);
    fig.appendChild(box);
    var found = null;
    if (whole && region.q) {
      var url = "/documents/" + view.dataset.doc + "/pages/" + region.page + "/boxes?q=" + encodeURIComponent(region.q);
      found = fetch(url, { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : { boxes: [] }; })
        .then(function (j) {
          if (!j.boxes || !j.boxes.length) return;
          addBoxes(box, j.boxes);
          box.classList.remove("whole");
          cap.textContent = "Trang " + region.page;
        })
        .catch(function () { /* keep the whole page outlined */ });
    }
    return { fig: fig, img: img, box: box, found: found };
  }

  function addBoxes(box, boxes) {
    boxes.forEach(function (b) {
      var d = document.createElement("div");
      d.className = "hlbox";
      d.style.left = pct(b[0]); d.style.top = pct(b[1]);
      d.style.width = pct(Math.max(b[2] - b[0], 0.004)); d.style.height = pct(Math.max(b[3] - b[1], 0.004));
      box.appendChild(d);
    });
  }

  function show(view, regions, browsing) {
    var holder = document.getElementById("pageview-pages");
    var label = document.getElementById("pageview-label");
    holder.innerHTML = "";
    var first = null;
    regions.forEach(function (r) {
      var f = figure(view, r, browsing);
      holder.appendChild(f.fig);
      if (!first) first = f;
    });
    view.dataset.page = regions[0].page;
    if (label) label.textContent = "trang " + regions[0].page + "/" + view.dataset.pages;
    if (!first) return;
    // Scroll the first box to a third of the panel once the image has its size.
    var scroll = function () {
      var hl = first.box.querySelector(".hlbox");
      var top = first.fig.offsetTop + (hl ? first.box.offsetTop - first.fig.offsetTop + hl.offsetTop : 0);
      holder.scrollTop = Math.max(top - holder.clientHeight / 3, 0);
    };
    if (first.img.complete) scroll(); else first.img.addEventListener("load", scroll, { once: true });
    if (first.found) first.found.then(function () { if (first.img.complete) scroll(); });
  }

  document.addEventListener("click", function (ev) {
    var view = document.getElementById("pageview");
    if (!view) return;
    var step = ev.target.closest("[data-page-step]");
    if (step) {
      var n = parseInt(view.dataset.page || "1", 10) + parseInt(step.dataset.pageStep, 10);
      if (n >= 1 && n <= parseInt(view.dataset.pages, 10)) show(view, [{ page: n, boxes: [] }], true);
      return;
    }
    var el = ev.target.closest("[data-evidence]");
    if (!el || ev.target.closest("input, textarea, select, button, a")) return;
    var regions = [];
    try { regions = JSON.parse(el.dataset.regions || "[]"); } catch (e) { regions = []; }
    var hint = document.getElementById("pageview-hint");
    if (!regions.length) {
      if (hint) hint.textContent = "Không xác định được vị trí của mục này trên ảnh trang (mục thêm tay hoặc không gắn với văn bản).";
      return;
    }
    if (hint) hint.textContent = "Bằng chứng được tô vàng trên ảnh trang.";
    show(view, regions);
  });
})();
