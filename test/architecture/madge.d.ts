/** The part of madge's API the cycle test uses (madge ships no typings). */
declare module "madge" {
  interface MadgeResult {
    obj(): Record<string, string[]>;
  }
  function madge(path: string, config: Record<string, unknown>): Promise<MadgeResult>;
  export default madge;
}
