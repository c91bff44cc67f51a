// The browser libraries, served by the engine from their WebJars (Maven Central): never from a CDN.
// Their versions are the ones in the parent pom.xml.
export const ECHARTS = '/webjars/echarts/5.3.1/dist/echarts.min.js';
export const SWAGGER_UI_JS = '/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js';
export const SWAGGER_UI_CSS = '/webjars/swagger-ui/5.34.1/swagger-ui.css';

const loaded = new Map();

/** Loads a classic (UMD) script once; resolves when it has run. */
export function script(src) {
  if (!loaded.has(src)) {
    loaded.set(src, new Promise((resolve, reject) => {
      const el = document.createElement('script');
      el.src = src;
      el.onload = resolve;
      el.onerror = () => reject(new Error(`could not load ${src}`));
      document.head.append(el);
    }));
  }
  return loaded.get(src);
}

export function stylesheet(href) {
  if (!document.querySelector(`link[href="${href}"]`)) {
    document.head.append(Object.assign(document.createElement('link'), {rel: 'stylesheet', href}));
  }
}
