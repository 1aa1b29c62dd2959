// Stylesheets are imported for their side effect; Vite bundles them. TypeScript 7 checks that a
// side-effect import resolves, so it needs to know such modules exist.
declare module '*.css';
