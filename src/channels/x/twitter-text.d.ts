// twitter-text 3.x ships no types; only what this folder uses is declared.
declare module 'twitter-text' {
  export interface ParsedTweet {
    weightedLength: number;
    valid: boolean;
    permillage: number;
    validRangeStart: number;
    validRangeEnd: number;
    displayRangeStart: number;
    displayRangeEnd: number;
  }
  const twitterText: { parseTweet(text: string): ParsedTweet };
  export default twitterText;
}
