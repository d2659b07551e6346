// Starts Swagger UI on /api/v1/docs with the settings the page carries as JSON data; writes
// from the page send the site's CSRF token (read from the csrftoken cookie) like the site does.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("swagger-settings").textContent);
  config.dom_id = "#swagger-ui";
  config.presets = [SwaggerUIBundle.presets.apis];
  config.requestInterceptor = function (request) {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    if (match) {
      request.headers["X-CSRFToken"] = decodeURIComponent(match[1]);
    }
    return request;
  };
  window.ui = SwaggerUIBundle(config);
})();
