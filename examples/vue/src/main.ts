// Define the elements before Vue mounts, so it sets bound objects as properties.
import 'sso-callout/define';
import { createApp } from 'vue';
import App from './app.vue';

createApp(App).mount('#app');
