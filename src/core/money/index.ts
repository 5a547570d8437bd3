export * from "./exact";
export * from "./allocate";
export * from "./amount";
