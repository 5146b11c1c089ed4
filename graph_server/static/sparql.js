// The SPARQL editor: YASGUI pointed at this server's endpoint, the saved queries as examples.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("sparql-config").textContent);
  var byName = {};
  config.examples.forEach(function (e) { byName[e.name] = e; });
  var first = "PREFIX sckg: <https://w3id.org/sckg/ontology#>\n" +
    "# Documents by type; pick a saved query on the right for more.\n" +
    "SELECT ?type (COUNT(?doc) AS ?documents) WHERE {\n  ?doc sckg:sourceFile ?file ; a ?type .\n}\nGROUP BY ?type ORDER BY DESC(?documents)";

  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: config.endpoint, method: "POST" },
    copyEndpointOnNewTab: false,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: config.endpoint }]; } },
    persistenceId: null,            // start clean: no stale tabs from localStorage
    yasqe: { value: first, persistenceId: null },
    populateFromUrl: true
  });
  window.sckgYasgui = yasgui;

  function showExample(name) {
    var example = byName[name];
    if (!example) { return; }
    var tab = yasgui.getTab();
    tab.setQuery(example.query);
    tab.getYasqe().query();
  }
  document.querySelectorAll("button.example").forEach(function (button) {
    button.addEventListener("click", function () { showExample(button.getAttribute("data-name")); });
  });
})();
