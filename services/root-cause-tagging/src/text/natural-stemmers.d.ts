// natural's package index loads dotenv and prints on import; its stemmers are required one by one.
declare module 'natural/lib/natural/stemmers/porter_stemmer' {
  const stemmer: { stem(word: string): string };
  export = stemmer;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer_nl' {
  const stemmer: { stem(word: string): string };
  export = stemmer;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer_de' {
  const stemmer: { stem(word: string): string };
  export = stemmer;
}
