export const app = "控制台";
