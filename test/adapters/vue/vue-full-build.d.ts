/** Vue's full build (runtime + template compiler): the same API as `vue`, which ships no typings for this path. */
declare module 'vue/dist/vue.esm-bundler.js' {
  export * from 'vue';
}
