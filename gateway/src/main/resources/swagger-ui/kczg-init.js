// The gateway's merged document; a bearer token pasted once under "Authorize" is kept in this browser
// (persistAuthorization) and sent with every "Try it out".
window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: '/q/openapi?format=json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    persistAuthorization: true,
    displayOperationId: true,
    displayRequestDuration: true,
    tryItOutEnabled: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: 'StandaloneLayout'
  });
};
