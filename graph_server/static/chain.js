// The citation chain as an interactive graph (cytoscape.js, dagre layout).
// Data comes from the page itself (<script type="application/json" id="chain-data">).
(function () {
  "use strict";
  var TYPE_COLOURS = {
    Resolution: "#1f5fa8", PresidentialStatement: "#b3541e", NoteByThePresident: "#7a4ea3",
    Letter: "#4b7f52", ConceptNote: "#2b8a8a", MeetingRecord: "#8a6d1f", Report: "#a33b5b", Document: "#6b7280"
  };
  var RELATION_COLOURS = { reaffirms: "#c2410c", recalls: "#2563eb", cites: "#9ca3af" };

  var data = JSON.parse(document.getElementById("chain-data").textContent);
  var container = document.getElementById("cy");
  if (!container || typeof cytoscape === "undefined") { return; }
  if (typeof cytoscapeDagre !== "undefined") { cytoscape.use(cytoscapeDagre); }

  // As tall as the chain is deep, so a short chain does not float in empty space.
  var levels = 1 + Math.max.apply(null, data.nodes.map(function (n) { return n.depth || 0; }));
  container.style.height = Math.min(640, Math.max(240, 90 + 110 * levels)) + "px";

  var elements = [];
  data.nodes.forEach(function (n) {
    elements.push({ group: "nodes", data: {
      id: n.iri, label: n.label, page: n.page, type: n.type, root: n.iri === data.root ? 1 : 0,
      colour: TYPE_COLOURS[n.type] || TYPE_COLOURS.Document, ingested: n.ingested ? 1 : 0
    }});
  });
  data.edges.forEach(function (e, i) {
    elements.push({ group: "edges", data: {
      id: "e" + i, source: e.citing, target: e.cited, relation: e.relation,
      colour: RELATION_COLOURS[e.relation] || RELATION_COLOURS.cites
    }});
  });

  var cy = cytoscape({
    container: container,
    elements: elements,
    wheelSensitivity: 0.3,
    style: [
      { selector: "node", style: {
        "shape": "round-rectangle", "background-color": "data(colour)", "label": "data(label)",
        "color": "#ffffff", "font-size": 11, "text-valign": "center", "text-halign": "center",
        "width": "label", "height": 22, "padding": "6px", "border-width": 0
      }},
      { selector: "node[ingested = 0]", style: { "background-opacity": 0.55, "border-width": 1, "border-style": "dashed", "border-color": "#374151" }},
      { selector: "node[root = 1]", style: { "border-width": 3, "border-color": "#111827", "border-style": "solid", "font-weight": "bold" }},
      { selector: "edge", style: {
        "width": 1.6, "line-color": "data(colour)", "target-arrow-color": "data(colour)",
        "target-arrow-shape": "triangle", "curve-style": "bezier", "arrow-scale": 0.9
      }},
      { selector: "edge[relation = 'cites']", style: { "line-style": "dashed" }},
      { selector: "node:active, node:selected", style: { "overlay-opacity": 0.15 }}
    ],
    layout: { name: typeof cytoscapeDagre !== "undefined" ? "dagre" : "breadthfirst", rankDir: "TB", nodeSep: 18, rankSep: 48 }
  });

  cy.on("tap", "node", function (event) {
    var page = event.target.data("page");
    if (page) { window.location.href = page; }
  });
  cy.on("mouseover", "node", function () { container.style.cursor = "pointer"; });
  cy.on("mouseout", "node", function () { container.style.cursor = ""; });
  // For tests and for readers who script the page.
  window.sckgChain = cy;
  container.setAttribute("data-rendered", String(cy.nodes().length));
})();
