// natural's package root pulls in database drivers and prints banners, so the project deep-imports
// only the modules it uses; these declarations type those deep imports.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}
