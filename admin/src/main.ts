import { createApp } from "vue";
import App from "./App.vue";
import { install as installDsfr } from "./modules/dsfr";
import { install as installRouter, router } from "./modules/router";
import { install as installUrql } from "./modules/urql";
import "./styles/main.css";

const app = createApp(App);
installDsfr(app);
installUrql(app);
installRouter(app);

// Mount after the first navigation so the guard's session check doesn't flash the login page.
void router.isReady().then(() => app.mount("#app"));
